import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="panel">
      <h1>Page not found</h1>
      <p>This page does not exist, or your role cannot open it.</p>
      <Link to="/">Go to the home page</Link>
    </div>
  );
}
