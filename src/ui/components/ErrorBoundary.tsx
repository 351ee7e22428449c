import React from 'react';

interface Props {
  onError: (error: Error) => void;
  children: React.ReactNode;
}

/**
 * Catches an exception thrown while rendering, so the app can leave the terminal as it found it
 * and the CLI can print one line (src/main.ts) instead of a React stack over a broken screen.
 */
export class ErrorBoundary extends React.Component<Props, {failed: boolean}> {
  override state = {failed: false};

  static getDerivedStateFromError(): {failed: boolean} {
    return {failed: true};
  }

  override componentDidCatch(error: Error): void {
    this.props.onError(error);
  }

  override render(): React.ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
