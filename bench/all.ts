// `npm run bench`: the engine benchmark, the documents benchmark (PDF indexing, OCR), then the bot benchmark.
await import('./run.ts');
await import('./documents.ts');
await import('./bot.ts');
