export const SESSION_COOKIE = 'lip_session';
