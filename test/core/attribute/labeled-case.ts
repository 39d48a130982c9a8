/** The shape of one labeled attribution case, and the message-building moves the case tables share. */
import type {
  AttributionConfidence,
  ReportedMessage,
  SignalKind,
  SignalVerdict,
  UnattributedReason,
} from '../../../shared/core/model/index.ts';
import { authoredMessage, type MailBuilder, TEST_KEYS, TEST_RELAY_HOST } from '../../support/mail-builder.ts';
import { INITECH_SELECTOR } from './labeled-tenants.ts';

/** A generated message and the attribution it must get. */
export interface LabeledCase {
  readonly name: string;
  /** Forged or foreign: whatever else happens, it must never be restrict-capable. */
  readonly hostile: boolean;
  /** The tenant a forgery inside an otherwise genuine message tries to blame; it must never be named. */
  readonly framed?: string;
  /**
   * The tenant the platform really sent the underlying message for, when a hostile case tampers with genuine
   * mail: undoing the tampering may prove that tenant again, never another.
   */
  readonly genuine?: string;
  readonly message: () => ReportedMessage;
  /** A signal the attribution must record, e.g. how a dedicated-IP match was weighed and why. */
  readonly signal?: ExpectedSignal;
  readonly expected:
    | {
        readonly outcome: 'attributed';
        readonly tenantId: string;
        readonly confidence: AttributionConfidence;
        readonly decidingSignal: SignalKind;
        readonly unregisteredDomains?: readonly string[];
      }
    | { readonly outcome: 'unattributed'; readonly reason: UnattributedReason };
}

/** The signal a labeled case must record: kind, value, verdict, tenant (none when absent), detail wording. */
export interface ExpectedSignal {
  readonly kind: SignalKind;
  readonly value: string;
  readonly verdict: SignalVerdict;
  readonly tenantId?: string;
  readonly detail: RegExp;
}

/** A host on the internet that is neither the platform nor a tenant. */
export const ATTACKER_IP = '192.0.2.200';
/** A submission client that is no tenant's dedicated IP. */
export const SHARED_CLIENT_IP = '198.51.100.99';
/** Inside acme's dedicated 198.51.100.16/29. */
export const ACME_IP = '198.51.100.20';
/** Inside globex's dedicated 192.0.2.64/28, outside the platform's relay ranges. */
export const GLOBEX_IPV4 = '192.0.2.70';
/** Inside globex's dedicated 2001:db8:100::/64. */
export const GLOBEX_IPV6 = '2001:db8:100::25';

/** Mail from a stranger's domain. */
export function spam(from = 'Winner <win@spam.example>'): MailBuilder {
  return authoredMessage(from, 'You have won');
}

/** A Received line anyone can write claiming the platform relay took the mail from `client`. */
export function forgedPlatformHop(mail: MailBuilder, client: string, by = TEST_RELAY_HOST): MailBuilder {
  return mail.prepend(
    'Received',
    `from client.example (client.example [${client}])\r\n\tby ${by} with ESMTPSA id f0f0; Tue, 24 Nov 2026 09:59:00 +0000`,
  );
}

/** initech signing its own mail with its own key (d=initech.example). */
export function initechSigned(mail: MailBuilder, privateKey = TEST_KEYS.tenantRsa.privateKey): MailBuilder {
  return mail.sign({ privateKey, domain: 'initech.example', selector: INITECH_SELECTOR });
}

/** Expected outcomes the case tables share. */
export const notOurMail = { outcome: 'unattributed', reason: 'not-our-mail' } as const;
export const proven = (tenantId: string) =>
  ({ outcome: 'attributed', tenantId, confidence: 'proven', decidingSignal: 'tenant-header' }) as const;
export const strongBy = (tenantId: string, decidingSignal: SignalKind = 'platform-hop') =>
  ({ outcome: 'attributed', tenantId, confidence: 'strong', decidingSignal }) as const;
/** Delivery copies the From address into Return-Path, and the envelope outranks From (DESIGN §3, rule 4). */
export const weakSender = (tenantId: string, decidingSignal: SignalKind = 'envelope-domain') =>
  ({ outcome: 'attributed', tenantId, confidence: 'weak', decidingSignal }) as const;
