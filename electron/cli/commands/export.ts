/** `export --format F --out P`: writes the dataset in one of the export table's formats. */
import { exportFormatNamed } from '../../../shared/ipc/export-formats';
import type { CommandContext } from '../command-context';

export function exportDataset({ options, call }: CommandContext): Promise<unknown> {
  // The format was checked with the call line (arguments.ts).
  const { operation, input } = exportFormatNamed(options.format!)!.request;
  return call(operation, input);
}
