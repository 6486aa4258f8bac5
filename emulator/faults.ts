/** Faults a test can ask the emulator to inject, matched by method and path, each for a number of requests. */

export type FaultKind =
	/** Answer this status at the gateway, before anything is processed. */
	| { type: 'status'; status: number; retryAfter?: string; body?: unknown }
	/** Cut the connection before the request is processed. */
	| { type: 'resetBefore' }
	/** Process the request, then cut the connection instead of answering. */
	| { type: 'resetAfter' }
	/** Wait this long before processing (past the client's timeout, say). */
	| { type: 'delay'; ms: number }
	/** Answer an HTML error page from a proxy. */
	| { type: 'html'; status: number }
	/** Process the request, then send only the first half of the JSON answer. */
	| { type: 'truncated' }
	/** Every IMS-issued token expires just before this request is checked (a token that runs out mid-run). */
	| { type: 'expireTokens' };

export interface Fault {
	method?: string;
	/** Matched against the path below the Flow Service base, e.g. /connections. */
	path?: RegExp;
	/** How many matching requests it applies to; Infinity for all. */
	times: number;
	/** How many matching requests to let through first. */
	after?: number;
	kind: FaultKind;
}

export class FaultPlan {
	private faults: Fault[] = [];
	/** How many times each fault type was injected. */
	readonly injected: Record<string, number> = {};

	add(fault: Omit<Fault, 'times'> & { times?: number }): void {
		this.faults.push({ times: 1, ...fault });
	}

	clear(): void {
		this.faults = [];
	}

	take(method: string, path: string): FaultKind | undefined {
		const fault = this.faults.find((f) => f.times > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)));
		if (!fault) return undefined;
		if (fault.after) {
			fault.after--;
			return undefined;
		}
		fault.times--;
		this.injected[fault.kind.type] = (this.injected[fault.kind.type] ?? 0) + 1;
		return fault.kind;
	}
}
