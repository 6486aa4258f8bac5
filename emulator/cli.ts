/**
 * `npm run emulator`: the Flow Service emulator and the sample database, until Ctrl+C. Both listen on
 * the same ports at every start (STABLE_PORTS, or EMULATOR_PORT and EMULATOR_DATABASE_PORT), so a
 * credential saved in n8n keeps working. Typing `+1d` (or `+24h`, `+30m`…) moves the Platform's clock
 * forward, to see a daily dataflow's next run without waiting a day; `fail <dataflow> [n]`,
 * `failrows <dataflow> <count> [n]`, `rejectrows <dataflow> [n]` and `succeed <dataflow> [n]` say how
 * its next runs end, `diagnostics <dataflow> on|off` whether they keep error diagnostics.
 */
import { RUN_COMMANDS_HELP } from './commands';
import { clockFromStdin, credentialValues, startStableStack } from './stack';

async function main() {
	const say = (line: string) => console.log(line);
	const stack = await startStableStack(say, { onLog: say });
	say(`Flow Service emulator listening on ${stack.emulator.url}`);
	say('');
	for (const line of credentialValues(stack, stack.login)) say(line);
	say('');
	say("Type +1d and Enter to move the Platform's clock a day forward (+24h, +30m… too);");
	say(`${RUN_COMMANDS_HELP}; Ctrl+C stops.`);
	const stopListening = clockFromStdin(stack, say);
	const stop = async () => {
		stopListening();
		await stack.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
