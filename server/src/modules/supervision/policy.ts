import type { Role } from '../../platform/http/context.ts';

/**
 * Who uses the supervision platform: supervisors (监察人员) and supervision
 * leaders (监察负责人). The center's managers and administrators do not
 * supervise themselves. Registering sources is for the leader.
 */
export const SUPERVISION_ROLES: readonly Role[] = ['supervisor', 'supervision_leader'];
