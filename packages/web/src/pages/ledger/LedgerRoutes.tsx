import { Route, Routes } from 'react-router';
import { can, type ActiveSession } from '../../api/session';
import { NotFoundPage } from '../NotFoundPage';
import { CountsPage } from './CountsPage';
import { LossPage } from './LossPage';
import { ReceivePage } from './ReceivePage';
import { RegisterPage } from './RegisterPage';
import { ReportsPage } from './ReportsPage';
import { SetupPage } from './SetupPage';
import { StockPage } from './StockPage';

/** The "Controlled drugs" area (issue 7), under /controlled-drugs. */
export function LedgerRoutes({ session }: { session: ActiveSession }) {
  return (
    <Routes>
      <Route index element={<StockPage session={session} />} />
      {can(session, 'ledger.receive') && <Route path="receive" element={<ReceivePage session={session} />} />}
      <Route path="register" element={<RegisterPage session={session} />} />
      <Route path="counts" element={<CountsPage session={session} />} />
      {can(session, 'ledger.report_loss') && <Route path="loss" element={<LossPage session={session} />} />}
      <Route path="reports" element={<ReportsPage session={session} />} />
      {can(session, 'ledger.configure') && <Route path="setup" element={<SetupPage session={session} />} />}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
