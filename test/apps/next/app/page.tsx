// A Server Component page with the README's client component in it (app/arrests-chart.tsx, written by the test).
import { ArrestsChart } from './arrests-chart';

export default function Page() {
  return (
    <main>
      <h1>CEOP's results</h1>
      <ArrestsChart />
    </main>
  );
}
