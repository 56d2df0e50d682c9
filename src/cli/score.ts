// npm run score -- --data DIR --out DIR [--lang zh-CN|en] [--native] [--bom]
import { run } from './run';

const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };

run(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
