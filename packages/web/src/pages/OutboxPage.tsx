import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';

interface Message {
  readonly id: string;
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly status: 'pending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}
const KIND: Record<string, string> = { portal_invitation: 'Portal invitation', portal_sign_in_link: 'Sign-in link', questionnaire_reminder: 'Questionnaire reminder' };
const STATUS: Record<Message['status'], string> = { pending: 'Waiting', sent: 'Sent', failed: 'Failed' };

export function OutboxPage() {
  const q = useQuery({ queryKey: ['outbox'], queryFn: () => api.get<{ smtpConfigured: boolean; messages: Message[] }>('/api/outbox') });
  return (
    <>
      <div className="page-head">
        <h1>Outbox</h1>
      </div>
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data !== undefined && !q.data.smtpConfigured && (
        <p className="alert">Email is not set up (no SMTP server configured), so nothing leaves this server. These are the messages that would be sent. See the deployment guide to set <code>SMTP_URL</code>.</p>
      )}
      {q.data?.messages.length === 0 && <p className="muted">No messages yet.</p>}
      {q.data?.messages.map((m) => (
        <details key={m.id} className="panel">
          <summary>
            <span className={`badge ${m.status === 'failed' ? 'danger' : m.status === 'pending' ? 'warn' : ''}`}>{STATUS[m.status]}</span> {KIND[m.kind] ?? m.kind} to {m.to} · {new Date(m.createdAt).toLocaleString()}
          </summary>
          <p>
            <strong>{m.subject}</strong>
          </p>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{m.body}</pre>
          {m.lastError !== null && <p className="small muted">Last error: {m.lastError} (attempt {m.attempts})</p>}
        </details>
      ))}
    </>
  );
}
