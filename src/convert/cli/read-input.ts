import { readFile } from 'node:fs/promises';
import { CliError, ExitCode } from '../../cli/exit-codes.js';

/** The whole of FILE, or of stdin when FILE is absent or '-'. */
export async function readInput(file: string | undefined): Promise<string> {
  if (file !== undefined && file !== '-') {
    try {
      return await readFile(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new CliError(`cannot read ${file}: ${code}`, ExitCode.usage);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
