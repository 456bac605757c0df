import { defineConfig, type Plugin } from 'vite';

/** `npm start` opens on the demo: `/` redirects to `/demo/`. */
const demoHome: Plugin = {
  name: 'kdx-demo-home',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url === '/' || req.url === '/index.html') {
        res.statusCode = 302;
        res.setHeader('Location', '/demo/');
        res.end();
      } else next();
    });
  },
};

/**
 * Two library builds from one config:
 * - default: ES modules — `dist/kdx.js` (defines every tag; chart.js in a lazily loaded chunk) and
 *   `dist/index.js` (the npm entry, registers nothing), sharing one copy of Lit;
 * - `--mode iife`: `dist/kdx.iife.js`, one classic script for CMSs that cannot use type="module".
 * `npm start` serves the demo site (demo/) with the Kanazawa bundle from seeds/.
 */
export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    build: {
      target: 'es2022',
      emptyOutDir: !iife,
      sourcemap: true,
      lib: iife
        ? { entry: 'src/kdx.ts', formats: ['iife'], name: 'kdx', fileName: () => 'kdx.iife.js' }
        : { entry: { kdx: 'src/kdx.ts', index: 'src/index.ts' }, formats: ['es'], fileName: (_f, name) => `${name}.js` },
      rolldownOptions: {
        output: {
          minify: true,
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
    plugins: [demoHome],
    server: { open: false },
  };
});
