import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig, type Plugin } from 'vite';
import { installedPlugins } from './server/installed-plugins.ts';
import { resolvePluginEntries } from './server/plugin-registry.ts';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

/** `virtual:lip-plugins`: the `./ui` entry of every installed plugin (lip.config.ts, or LIP_PLUGINS), in order. */
function lipPlugins(): Plugin {
  const id = 'virtual:lip-plugins';
  const resolvedId = `\0${id}`;
  return {
    name: 'lip-plugins',
    resolveId(source) {
      return source === id ? resolvedId : undefined;
    },
    load(loadedId) {
      if (loadedId !== resolvedId) return undefined;
      const files = resolvePluginEntries(installedPlugins, 'ui');
      for (const file of files) this.addWatchFile(file);
      const imports = files.map((file, i) => `import plugin${i} from ${JSON.stringify(file)};`);
      return `${imports.join('\n')}\nexport const pluginUis = [${files.map((_, i) => `plugin${i}`).join(', ')}];\n`;
    },
  };
}

export default defineConfig({
  plugins: [
    lipPlugins(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: true,
      },
    }),
  ],
  resolve: { dedupe: ['react', 'react-dom'] },
  server: { fs: { allow: ['../..'] } },
});
