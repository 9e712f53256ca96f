// The README's example queries ("### n. Title" followed by a ```graphql
// block). An anonymous query gets an operation name made from its title, so
// that GraphiQL names its tab after the question it answers.
export function readmeExamples(readme: string): string[] {
  const out: string[] = [];
  const re = /^### (\d+)\. (.+)\n[\s\S]*?```graphql\n([\s\S]*?)```/gm;
  for (let m = re.exec(readme); m; m = re.exec(readme)) {
    const name = m[2]
      .normalize('NFD')
      .replace(/[^A-Za-z0-9 ]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 6)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join('');
    const query = m[3].startsWith('{') ? `query ${name} ${m[3]}` : m[3];
    out.push(`# ${m[1]}. ${m[2]}\n${query}`);
  }
  return out;
}
