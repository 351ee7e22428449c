import {Text} from 'ink';
import React from 'react';

// Stands in for Ink's ErrorOverview (and stack-utils and code-excerpt behind it) in the bundle.
// kim-resume's own ErrorBoundary (src/ui/components/ErrorBoundary.tsx) catches every rendering
// error first, restores the terminal and prints one line; Ink's overview is never reached.
export default function ErrorOverview({error}: {error: Error}) {
  return <Text>{error.message}</Text>;
}
