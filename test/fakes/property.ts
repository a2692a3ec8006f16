// Property tests replay: every run starts from a recorded seed, so what failed on CI fails the same way
// here. FC_SEED=<n> replays another seed; fast-check prints the seed and the shrunk counterexample.
import type fc from 'fast-check';

const RECORDED_SEED = 20_261_204;

export function seeded<T>(numRuns?: number): fc.Parameters<T> {
  const fromEnv = Number(process.env.FC_SEED);
  const seed = Number.isSafeInteger(fromEnv) ? fromEnv : RECORDED_SEED;
  return numRuns === undefined ? { seed } : { seed, numRuns };
}
