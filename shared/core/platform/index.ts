/** Platform configuration: signing keys, tenant header, relays. */
export {
  DEFAULT_PLATFORM_CONFIG,
  type PlatformConfig,
  PlatformConfigError,
  type PlatformSigningKey,
  parsePlatformConfig,
} from './platform-config.ts';
export { readPublicKey } from './public-key.ts';
export { isRelayHost } from './relay-host.ts';
