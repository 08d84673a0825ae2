// Tests run lit-html's development build (it checks bindings more strictly); keep its other
// warnings but not the "dev mode" banner it prints in every test file. Import before lit-html.
const g = globalThis as { litIssuedWarnings?: Set<string> };
(g.litIssuedWarnings ??= new Set()).add('dev-mode');
