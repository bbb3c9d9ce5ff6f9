import { Component, type ReactNode } from 'react';

type Props = {
  children: ReactNode;
  /** Which view is shown: once it changes, the new one is drawn afresh. */
  view: string;
  onBack(): void;
};
type State = { error: Error | null };

/**
 * A screen that fails to draw (a renderer bug, or an answer it did not expect) is replaced by what
 * happened and the ways on, instead of blanking the whole window. Going to another view (or tab)
 * tries again there.
 */
export class ScreenBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[hookbench] a screen failed to draw', error);
  }

  override componentDidUpdate(before: Props): void {
    if (this.state.error && before.view !== this.props.view) this.setState({ error: null });
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="page narrow">
        <div className="empty-state" role="alert">
          <h2>This screen could not be shown</h2>
          <p>
            <code>{error.message}</code>
          </p>
          <p>
            Your hooks and the request log are not affected. Go back to the webhooks, or reload the window; if it happens again, the message
            above and <code>hookbench doctor --json</code> make a useful bug report.
          </p>
          <button type="button" className="button primary" onClick={this.props.onBack}>
            Back to webhooks
          </button>{' '}
          <button type="button" className="button secondary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </section>
    );
  }
}
