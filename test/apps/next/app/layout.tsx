import type { ReactNode } from 'react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* No favicon request: a 404 in the console would hide a real error there. */}
        <link rel="icon" href="data:," />
      </head>
      <body style={{ margin: 0, width: 600 }}>{children}</body>
    </html>
  );
}
