import { useState, type FormEvent } from 'react';
import { ApiError, apiKey, request, setApiKey } from '../api';
import { ErrorBox, NodeLink, StanceBadge, StatusBadge, TypeBadge } from '../components';
import type { IngestMutation as IngestResult, RecordAttributionMutation as RecordResult, Stance } from '../gql/graphql';
import { IngestMutation, RecordAttributionMutation } from '../ops';
import { hrefOf, Link } from '../router';

const stances: Stance[] = ['ASSERTS', 'CONFIRMS', 'DENIES', 'DECLINES_TO_RULE_OUT', 'NEITHER_CONFIRMS_NOR_DENIES', 'REPORTS'];

/** A labelled input that shows itself invalid when the service's error names its field. */
function Field({ name, label, error, textarea, ...rest }: { name: string; label: string; error?: ApiError; textarea?: boolean } & React.InputHTMLAttributes<HTMLInputElement> & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const invalid = Boolean(error?.field && (error.field === name || error.field.endsWith('.' + name)));
  const id = `f-${name}`;
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {textarea ? <textarea id={id} name={name} aria-invalid={invalid} {...rest} /> : <input id={id} name={name} aria-invalid={invalid} {...rest} />}
      {invalid && (
        <span className="field-error" role="alert">
          {error!.message}
        </span>
      )}
    </div>
  );
}

function KeyForm() {
  const [key, setKey] = useState(apiKey());
  const [saved, setSaved] = useState(Boolean(apiKey()));
  return (
    <form
      className="key-form"
      onSubmit={(e) => {
        e.preventDefault();
        setApiKey(key.trim());
        setSaved(Boolean(key.trim()));
      }}
    >
      <label htmlFor="api-key">API key (editor role)</label>
      <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
      <button type="submit">Use this key</button>
      <span role="status" className="muted">
        {saved ? 'Key kept for this tab only (session storage).' : 'No key: reading only.'}
      </span>
    </form>
  );
}

function IngestForm() {
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<IngestResult['ingestArticle']>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    setBusy(true);
    setError(undefined);
    try {
      const d = await request(IngestMutation, {
        input: {
          title: s('title'),
          language: s('language') || 'pl',
          text: s('text'),
          url: s('url') || null,
          publishedAt: s('publishedAt') ? { value: s('publishedAt') } : null,
        },
      });
      setResult(d.ingestArticle);
    } catch (err) {
      setError(err as ApiError);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="ingest-title">
      <h2 id="ingest-title">Ingest an article</h2>
      <form onSubmit={submit} className="form-grid" aria-describedby="ingest-help">
        <p id="ingest-help" className="muted wide">
          Paste an article: the service records it as a Source and links the people, organisations, places, negotiations and events its text names, whatever the inflection.
        </p>
        <Field name="title" label="Title" error={error} required />
        <Field name="language" label="Language (BCP 47)" error={error} defaultValue="pl" />
        <Field name="url" label="URL" error={error} />
        <Field name="publishedAt" label="Published (e.g. 2025-03 or 2025-03-19)" error={error} />
        <div className="wide">
          <Field name="text" label="Text" error={error} textarea rows={8} required />
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? 'Ingesting…' : 'Ingest'}
          </button>
        </div>
      </form>
      <ErrorBox error={error} />
      {result && (
        <div data-testid="ingest-result" role="status">
          <p>
            Recorded <Link to={hrefOf(result.source.id)}>{result.source.title}</Link>.
          </p>
          <h3>Linked mentions ({result.mentions.length})</h3>
          <ul className="plain">
            {result.mentions.map((m) => (
              <li key={m.entity.id}>
                <TypeBadge type={m.entity.__typename} /> <NodeLink node={m.entity} /> <span className="muted">×{m.count} as</span>{' '}
                <span lang="pl">{m.forms.join(', ')}</span>
              </li>
            ))}
          </ul>
          <h3>Unlinked names ({result.suggestions.length})</h3>
          <ul className="plain columns">
            {result.suggestions.map((s) => (
              <li key={s.text} lang="pl">
                {s.text} <span className="muted">×{s.count}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function AttributionForm() {
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<RecordResult['recordAttribution']>();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const orNull = (k: string) => s(k) || null;
    setError(undefined);
    try {
      const d = await request(RecordAttributionMutation, {
        input: {
          id: s('id'),
          claim: orNull('claim'),
          newClaim: s('claim')
            ? null
            : { id: s('newClaimId'), text: orNull('newClaimText'), summary: orNull('newClaimSummary'), language: orNull('newClaimLanguage') },
          actor: orNull('actor'),
          stance: s('stance') as Stance,
          quote: orNull('quote'),
          summary: orNull('summary'),
          cue: orNull('cue'),
          statedAt: s('statedAt') ? { value: s('statedAt') } : null,
          sources: s('sources')
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        },
      });
      setResult(d.recordAttribution);
    } catch (err) {
      setError(err as ApiError);
      setResult(undefined);
    }
  };
  return (
    <section aria-labelledby="attr-title">
      <h2 id="attr-title">Record an attribution</h2>
      <form onSubmit={submit} className="form-grid">
        <Field name="id" label="Attribution id" error={error} placeholder="attribution/…" required />
        <Field name="actor" label="Actor id (person, organisation or source)" error={error} placeholder="person/dmitry-peskov" />
        <div className="field">
          <label htmlFor="f-stance">Stance</label>
          <select id="f-stance" name="stance" defaultValue="ASSERTS">
            {stances.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <Field name="claim" label="Existing claim id (or fill in a new claim below)" error={error} placeholder="claim/…" />
        <Field name="newClaimId" label="New claim id" error={error} placeholder="claim/…" />
        <Field name="newClaimLanguage" label="New claim language" error={error} defaultValue="pl" />
        <Field name="newClaimText" label="New claim text (original language)" error={error} />
        <Field name="newClaimSummary" label="New claim summary (English)" error={error} />
        <Field name="quote" label="Verbatim quote (must occur in the sources' text)" error={error} />
        <Field name="summary" label="English summary" error={error} />
        <Field name="cue" label="Cue (e.g. przyznał Pieskow)" error={error} />
        <Field name="statedAt" label="Stated (e.g. 2025-03)" error={error} />
        <Field name="sources" label="Source ids (comma-separated)" error={error} required />
        <div>
          <button type="submit">Record</button>
        </div>
      </form>
      <ErrorBox error={error} />
      {result && (
        <p role="status" data-testid="attribution-result">
          Recorded: <StanceBadge stance={result.stance} /> on <Link to={hrefOf(result.claim.id)}>{result.claim.summary}</Link> <StatusBadge status={result.claim.status} />
        </p>
      )}
    </section>
  );
}

/** For editors: an API key kept in session storage, ingestion and recording attributions. */
export function EditorPage() {
  return (
    <section aria-labelledby="editor-title">
      <h1 id="editor-title">For editors</h1>
      <KeyForm />
      <IngestForm />
      <AttributionForm />
    </section>
  );
}
