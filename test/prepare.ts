import { pino } from 'pino';
import { buildUi, uiNeedsBuild } from '../server/ui-build.ts';

// Browser tests serve ui/dist: build it once before the suite instead of in every test server.
if (uiNeedsBuild()) await buildUi(pino({ level: 'warn' }));
