// `npm run bench`: the engine benchmark, then the bot benchmark.
await import('./run.ts');
await import('./bot.ts');
