// The baseline for bench/run.mjs: the smallest full-screen Ink + React 19 app we can compare
// kim-resume against, written as Ink's README says. One bordered box with a line of text, in
// the alternate screen (Ink's own `alternateScreen` option, since Ink 7); a counter
// that ↓, Tab and PgDn increment (so a key has something to re-render); `q` quits.
import {Box, Text, render, useApp, useInput} from 'ink';
import React, {useState} from 'react';

function OneBox() {
  const {exit} = useApp();
  const [count, setCount] = useState(0);
  useInput((input, key) => {
    if (input === 'q') exit();
    else if (key.downArrow || key.tab || key.pageDown) setCount((n) => n + 1);
  });
  return (
    <Box borderStyle="round">
      <Text>hello {count}</Text>
    </Box>
  );
}

const instance = render(<OneBox />, {alternateScreen: true});
await instance.waitUntilExit();
