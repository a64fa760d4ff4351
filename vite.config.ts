import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The web app lives in src/web and builds to dist/web, every file but index.html under
 * dist/web/assets/: the server serves /assets/* from there and index.html for any other path.
 * No public/ folder: whatever the page needs is imported, so it lands in assets/ with a hash.
 */
/** The English strings bundled with the app: those of the pages anyone may open (see src/web/i18n/resources.ts). */
const PUBLIC_ENGLISH =
  /[\\/]modules[\\/](?:auth|knowledge(?:[\\/](?:items|countries|export))?|followup[\\/]dashboards)[\\/]i18n[\\/]en\.json$/;

export default defineConfig({
  root: here('./src/web'),
  publicDir: false,
  // Keep Vite's cache with the other dependencies, not in a node_modules/ inside src/web.
  cacheDir: here('./node_modules/.vite'),
  plugins: [react(), precompress()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The server's Content-Security-Policy forbids inline scripts; keep small assets as files too
    // (images may be data: URLs, which img-src allows, but one rule for all is simpler to reason about).
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The framework, in chunks of their own that change only when a dependency is upgraded:
            // a new release of the app then leaves them in the browser's cache.
            {
              name: 'react',
              test: /node_modules[\\/](?:react|react-dom|scheduler|use-sync-external-store)[\\/]/,
              priority: 10,
            },
            {
              name: 'framework',
              test: /node_modules[\\/](?:@tanstack|i18next|react-i18next)[\\/]/,
              priority: 10,
            },
            // Components and app code most pages share, in one chunk each rather than a dozen of 1–4 KB:
            // on a link with 300 ms of latency every request costs more than its bytes.
            { name: 'ui', test: /node_modules[\\/]@mantine[\\/]/, minShareCount: 8, priority: 5 },
            { name: 'shared', test: /src[\\/](?:web|shared)[\\/]/, minShareCount: 8, priority: 4 },
            // One chunk per language other than English (the fallback): its strings from every module
            // and its country names, fetched together when a reader first picks it. English strings of
            // the pages behind the sign-in are one chunk too (src/web/i18n/resources.ts); the public
            // pages' English strings stay in the app.
            {
              name: (id) => {
                if (/[\\/]modules[\\/]watchlists[\\/](?:lists|entries|screening|review|batches)[\\/]i18n[\\/]en\.json$/.test(id))
                  return 'lang-en-watchlists';
                if (/[\\/]modules[\\/]referral[\\/][^\\/]+[\\/]i18n[\\/]en\.json$/.test(id)) return 'lang-en-referral';
                if (/[\\/]modules[\\/]followup[\\/]cycles[\\/]i18n[\\/]en\.json$/.test(id)) return 'lang-en-followup';
                if (/[\\/]modules[\\/]knowledge[\\/](?:review|imports)[\\/]i18n[\\/]en\.json$/.test(id))
                  return 'lang-en-knowledge';
                if (/[\\/]modules[\\/].*[\\/]i18n[\\/]en\.json$/.test(id)) return PUBLIC_ENGLISH.test(id) ? null : 'lang-en';
                return /[\\/](?:i18n|langs)[\\/](fr|ar)\.json$/.exec(id)?.[1].replace(/^/, 'lang-') ?? null;
              },
              test: /[\\/](?:i18n|langs)[\\/](?:fr|ar|en)\.json$/,
              debugName: 'languages',
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/readyz': 'http://127.0.0.1:8080' },
  },
});
