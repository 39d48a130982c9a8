/**
 * Ed25519 keys of the demo (RFC 8463). They sign mail that only the demo produces and are published nowhere but
 * in the demo's own platform config and DNS answers: never use them for anything real.
 */
export const DEMO_KEYS = {
  /** The demo platform's outbound DKIM key (d=mail.demo-platform.test, s=demo2026). */
  platform: {
    domain: 'mail.demo-platform.test',
    selector: 'demo2026',
    privateKey:
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIBNGlOo4K4dpHosY/4XMYTURJyru/xl7vD9PTh2w6D9D\n-----END PRIVATE KEY-----\n',
    publicKey:
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAP2Q0XuEUyNrBNOeMcupAFKemOHi7ow69lIdpohv1coU=\n-----END PUBLIC KEY-----\n',
  },
  /** The key reporters sign their submissions with (the feed and the human reporters' mail provider). */
  reporter: {
    selector: 'fbl1',
    privateKey:
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINot/VEjvBbTOwk1ngHNv82kzBgFs96+oY+gz9KvhDJs\n-----END PRIVATE KEY-----\n',
    /** DNS p= value: the raw 32-byte key, base64 (RFC 8463 §4.2). */
    dnsPublicKey: '3hD7zzllMvVU//d7uTdQqoRvrw5KyvVrJprC/P+PS3o=',
  },
} as const;
