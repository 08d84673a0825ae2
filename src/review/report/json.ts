// The report model as JSON: everything the pages show, and the scores exactly as `run --json` prints them (under `scores`).
import type { ReportModel } from './model.ts';

export const reportJson = (model: ReportModel): string => JSON.stringify(model, null, 2) + '\n';
