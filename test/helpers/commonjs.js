// papaparse, the CSV reader `kdx import` and the authoring page share, is a UMD file without an ES module form.
// Vite's builds read it as CommonJS; the test server, which serves modules as they are, gets it wrapped here so
// that `import Papa from 'papaparse'` works in the browser too. Its UMD header takes the CommonJS branch.
const UMD = /[\\/]node_modules[\\/]papaparse[\\/]papaparse(\.min)?\.js$/;

/** @type {import('@web/dev-server-core').Plugin} */
export const papaparseAsModule = {
  name: 'kdx-papaparse-as-module',
  transform(context) {
    if (!UMD.test(context.path)) return undefined;
    return { body: `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n` };
  },
};
