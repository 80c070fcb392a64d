// Name of the header instrumentation.ts sets on every incoming request to the socket's remote
// address (any client-sent header of that name is overwritten). Framework-free: the
// instrumentation hook and lib/auth both import it.
export const PEER_ADDRESS_HEADER = 'x-xt-peer-address';
