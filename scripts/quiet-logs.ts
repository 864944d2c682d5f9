/**
 * Imported first by scripts whose own output is the point (benchmarks, screenshots): ES modules
 * evaluate in import order, so the logger, created when the first module asks for it, is silent
 * unless LOG_LEVEL says otherwise.
 */
process.env.LOG_LEVEL ??= 'silent';
