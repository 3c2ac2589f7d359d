// Progress bars on stderr, only when stderr is a terminal: piped output and --json stdout stay clean.
import cliProgress from 'cli-progress';

export interface Progress {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{label} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  return {
    update(label, done, total) {
      if (label !== current) {
        if (current) bar.stop();
        bar.start(total, done, { label });
        current = label;
      } else bar.update(done, { label });
    },
    stop() {
      if (current) bar.stop();
      current = '';
    },
  };
}

const MB = 1024 * 1024;

/** Download progress for model files, in MB. */
export function downloadProgress(progress: Progress) {
  return (file: string, loaded: number, total: number) => {
    progress.update(`downloading ${file} (MB)`, Math.round(loaded / MB), Math.max(1, Math.round(total / MB)));
  };
}
