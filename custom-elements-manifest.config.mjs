/**
 * Custom Elements Manifest (`custom-elements.json` at the root): generated from the components' JSDoc
 * (@attr @fires @slot @csspart @cssprop), read by Storybook's docs pages and shipped in the npm package.
 * `npm run analyze` writes it.
 */

/**
 * The components declare Lit's reactive properties in `static properties` (no decorators, fewer bytes on the
 * page). The analyzer's Lit support reads that object but documents every entry as an attribute and a public
 * field: this keeps what the decorators said. A `{ state: true }` entry has no attribute (as `@state()`), and a
 * field whose JSDoc says `@internal` (or `@ignore`) stays out of the manifest.
 */
function litStaticPropertiesAsDeclared() {
  const hidden = (node) => node.jsDoc?.some((doc) => doc.tags?.some((tag) => ['internal', 'ignore'].includes(tag.tagName.getText())));
  return {
    name: 'kdx-lit-static-properties',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const doc = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      const props = node.members.find(
        (m) => ts.isPropertyDeclaration(m) && m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) && m.name.getText() === 'properties',
      )?.initializer;
      if (!doc || !props || !ts.isObjectLiteralExpression(props)) return;
      const internal = new Set(node.members.filter((m) => ts.isPropertyDeclaration(m) && hidden(m)).map((m) => m.name.getText()));
      for (const p of props.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer)) continue;
        const name = p.name.getText();
        const state = p.initializer.properties.some((o) => ts.isPropertyAssignment(o) && o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword);
        if (!state && !internal.has(name)) continue;
        const member = doc.members?.find((m) => m.kind === 'field' && m.name === name && !m.static);
        doc.attributes = doc.attributes?.filter((a) => a.fieldName !== name);
        if (internal.has(name)) doc.members = doc.members?.filter((m) => m !== member);
        else if (member) delete member.attribute;
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.test.ts', 'src/styles/**'],
  outdir: '.',
  litelement: true,
  plugins: [litStaticPropertiesAsDeclared()],
};
