/** Where the view API lives and what a request looks like, for whoever sets up the reporting tool. */
import { CopyField } from '../../shared/components/copy-field';
import { Field } from '../../shared/components/field';

const EXAMPLE_BODY = `{
  "views": [
    { "contentId": "123456", "source": "jsm-portal",
      "accountId": "5be24ad8b1653240376955d2", "at": "2026-11-25T09:30:00Z" }
  ]
}`;

export function ViewApiUsage({ url }: { url: string | null }) {
  return (
    <>
      {url ? (
        <Field id="view-api-url" label="Endpoint" helper="Requests need the header Authorization: Bearer followed by the token.">
          {(control) => <CopyField {...control} value={url} what="endpoint URL" monospace />}
        </Field>
      ) : (
        <p className="vt-subtle">
          The endpoint’s address is not known here. A developer of this Forge installation can print it with{' '}
          <code>forge webtrigger</code> (web trigger <code>view-api</code>).
        </p>
      )}
      <details className="vt-details">
        <summary>How to report views</summary>
        <div className="vt-details__body">
          <p>
            Send a <code>POST</code> request with a JSON body of up to 100 views. <code>source</code> is one of{' '}
            <code>desktop</code>, <code>mobile-web</code>, <code>confluence-app</code>, <code>jsm-portal</code>,{' '}
            <code>linchpin</code> or <code>other</code>. Leave out <code>accountId</code> for anonymous visitors.{' '}
            <code>at</code>, the time of the view, is required: it makes a resent request count nothing twice. Views
            older than 15 minutes are refused. A request with any invalid view is refused as a whole (400) and records
            nothing. The answer only says accepted, invalid, unauthorized or busy (503: retry the whole request later);
            what happened to each view is listed under Recent requests.
          </p>
          <pre className="vt-pre">{EXAMPLE_BODY}</pre>
        </div>
      </details>
    </>
  );
}
