import type { SourceRef } from '../sources/index.ts';

/**
 * What `@segment/analytics-next` loads from `${cdnURL}/v1/projects/:writeKey/settings`: the
 * `Segment.io` integration's `apiHost` points back at this server, so events come to us.
 */
export function segmentSettings(writeKey: string, origin: URL) {
  return {
    integrations: {
      'Segment.io': {
        apiKey: writeKey,
        apiHost: `${origin.host}/v1`,
        protocol: origin.protocol.replace(':', ''),
        unbundledIntegrations: [],
        addBundledMetadata: true,
        maybeBundledConfigIds: {},
        versionSettings: { version: '4.4.7', componentTypes: ['browser'] },
      },
    },
    plan: {
      track: { __default: { enabled: true, integrations: {} } },
      identify: { __default: { enabled: true } },
      group: { __default: { enabled: true } },
    },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0, host: `${origin.host}/v1` },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  };
}

/** The RudderStack JS SDK's source configuration (`GET /sourceConfig`): no device-mode destinations. */
export function rudderSourceConfig(source: SourceRef, writeKey: string) {
  return {
    isHosted: false,
    source: {
      id: source.id,
      name: source.name,
      writeKey,
      workspaceId: source.workspaceId,
      enabled: source.enabled,
      config: { statsCollection: { errors: { enabled: false }, metrics: { enabled: false } } },
      destinations: [],
    },
    updatedAt: new Date().toISOString(),
  };
}
