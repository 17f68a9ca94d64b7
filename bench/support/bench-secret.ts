/** The app secret every bench's app server and database fixtures share (32+ characters). */
export const benchAppSecret = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
