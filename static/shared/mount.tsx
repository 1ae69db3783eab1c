/** Starts an app: applies the host's theme, then renders it inside an error boundary. */
import { Component, StrictMode, type ErrorInfo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from './host';

interface BoundaryProps {
  fallback: ReactNode;
  children: ReactNode;
}

/** A render error must leave a calm message, never a blank frame in the middle of a Confluence page. */
class ErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Viewtracker UI error', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function mountApp(app: ReactNode, fallback: ReactNode): void {
  void enableTheme();
  let container = document.getElementById('root');
  if (!container) {
    container = document.createElement('div');
    container.id = 'root';
    document.body.appendChild(container);
  }
  createRoot(container).render(
    <StrictMode>
      <ErrorBoundary fallback={fallback}>{app}</ErrorBoundary>
    </StrictMode>,
  );
}
