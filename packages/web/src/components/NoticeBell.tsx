import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoticeDto } from '@ketapath/server/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { NOTICES_KEY } from '../api/board';
import { api } from '../api/client';
import { formatDateTime } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { Icon } from './Icon';

/** Modest polling; the monitoring board refreshes notices at once when an alert escalates. */
const POLL_MS = 60_000;

/** The staff notices bell: unread count in the navigation, the list, and mark-as-read. */
export function NoticeBell({ timeZone }: { timeZone: string }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const notices = useQuery({ queryKey: NOTICES_KEY, queryFn: () => api.get<{ unread: number; notices: NoticeDto[] }>('/api/notices'), refetchInterval: POLL_MS });
  const read = useMutation({
    mutationFn: (id: string) => api.post(`/api/notices/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
      }
    };
    const onClick = (e: MouseEvent) => {
      if (wrap.current !== null && !wrap.current.contains(e.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);
  const unread = notices.data?.unread ?? 0;
  const list = notices.data?.notices ?? [];
  return (
    <div className="notices" ref={wrap}>
      <button type="button" className={`notice-bell${unread > 0 ? ' has-unread' : ''}`} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <Icon name="bell" />
        <span>Notices</span>
        {unread > 0 && (
          <span className="notice-count">
            {unread}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="notice-panel" aria-label="Notices">
          <h2>Notices</h2>
          <ErrorAlert error={notices.error ?? read.error} />
          {list.length === 0 ? (
            <p className="muted">No notices. Alerts that nobody acknowledges in time are sent here to the prescriber on duty.</p>
          ) : (
            <ul>
              {list.map((n) => (
                <li key={n.id} className={n.readAt === null ? 'unread' : ''}>
                  <div className="notice-title">
                    {n.readAt === null ? <Icon name="alert" size={18} /> : <Icon name="check" size={18} />}
                    <strong>{n.title}</strong>
                    {n.readAt === null ? <span className="badge danger">Unread</span> : <span className="badge">Read</span>}
                  </div>
                  <div>{n.body}</div>
                  <div className="small muted">{formatDateTime(n.createdAt, timeZone)}</div>
                  <div className="actions">
                    {n.link !== null && (
                      <Link to={n.link} onClick={() => setOpen(false)}>
                        Open session
                      </Link>
                    )}
                    {n.readAt === null && (
                      <button type="button" className="secondary small" disabled={read.isPending} onClick={() => read.mutate(n.id)}>
                        Mark as read
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
