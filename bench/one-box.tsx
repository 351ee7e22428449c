// The baseline for bench/run.mjs: the smallest full-screen Ink 6 + React 19 app we can compare
// kim-resume against. One bordered box with a line of text, in the alternate screen; a counter
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

process.stdout.write('\x1b[?1049h');
const instance = render(<OneBox />);
await instance.waitUntilExit();
process.stdout.write('\x1b[?1049l');
