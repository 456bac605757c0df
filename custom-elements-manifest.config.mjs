/**
 * Custom Elements Manifest (`custom-elements.json` at the root): generated from the components' JSDoc
 * (@attr @fires @slot @csspart @cssprop), read by Storybook's docs pages and shipped in the npm package.
 * `npm run analyze` writes it.
 */
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.test.ts', 'src/styles/**'],
  outdir: '.',
  litelement: true,
};
