/** The command line of a bench: `--name value` options and `--name` flags. */
const argv = process.argv.slice(2);

export const flag = (name: string): boolean => argv.includes(`--${name}`);

export const option = (name: string, fallback: string): string => {
  const at = argv.indexOf(`--${name}`);
  return at < 0 ? fallback : (argv[at + 1] ?? fallback);
};

export const number = (name: string, fallback: number): number =>
  Number(option(name, String(fallback))) || fallback;
