// This repository's own lint rules, the ones n8n's default config (eslint.config.mjs) does not have.
// eslint.config.mjs must stay exactly n8n's default: `n8n-node cloud-support` calls the package
// eligible for n8n Cloud only then, so our rules live here. `npm run lint` runs n8n's default on the
// package's sources (nodes/, credentials/, package.json), then this config over the whole repository
// (`eslint -c eslint.project.mjs .`), then n8n's package scanner (scripts/scan.ts).
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'pinned/**',
			'coverage/**',
			'reports/**',
			'test-results/**',
			'custom-examples/**',
			'bench/results/**',
			'.tmp/**',
			'.stryker-tmp/**',
		],
	},
	{
		// The emulator is a second, independent reading of Adobe's docs: it must not share the node's code.
		files: ['emulator/**/*.ts', 'emulator/**/*.js'],
		languageOptions: { parser: tseslint.parser },
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['**/nodes', '**/nodes/**', '**/credentials', '**/credentials/**'], message: "The emulator reads Adobe's docs, not the node's code." },
						{ group: ['n8n-workflow', 'n8n-core'], message: 'The emulator is a Platform, not an n8n node.' },
					],
				},
			],
		},
	},
);
