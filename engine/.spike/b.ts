import { evaluate, parseExpression } from 'feelin';
const tries: [string, any][] = [['x > 5', {}], ['is defined(x)', {}], ['a +', {}], ['get or else(x, 1)', {'get or else': (a: any, b: any) => a ?? b}], ['duration("PT1S")', {}], ['date and time("2026-01-01T10:00:00Z")', {}], ['[1,2][item > 1]', {}], ['x.y', {x: {}}], ['now()', {}]];
for (const [e, c] of tries) { try { const r = evaluate(e, c); console.log(e, '=>', r.value?.toString?.() ?? r.value, JSON.stringify(r.warnings)); } catch (err: any) { console.log(e, 'THROWS', err.name, err.message); } }
try { const t = parseExpression('a + ', {}, undefined); let bad = false; t.iterate({ enter: (n: any) => { if (n.type.isError) bad = true; } }); console.log('parse bad?', bad); } catch (e: any) { console.log('parse throws', e.message); }
