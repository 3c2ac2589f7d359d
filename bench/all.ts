// `npm run bench`: the engine benchmark, the documents benchmark (PDF indexing, OCR), the bot benchmark, then the
// replica benchmark (PostgreSQL + Redis).
await import('./run.ts');
await import('./documents.ts');
await import('./bot.ts');
await import('./replicas.ts');
