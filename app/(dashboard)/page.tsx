export default function DashboardHome() {
  return (
    <section>
      <h1 className="text-2xl font-semibold">Meldingen</h1>
      <p className="mt-2 text-slate-600">Er zijn nog geen meldingen.</p>
    </section>
  );
}
