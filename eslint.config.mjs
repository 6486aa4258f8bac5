// The rules `n8n-node lint` applies to community packages, rebuilt from their parts:
// typescript-eslint, @n8n/eslint-plugin-community-nodes (recommended), no-console, and
// eslint-plugin-n8n-nodes-base's community / credentials / nodes rule sets. (n8n-node lint also
// runs eslint-plugin-import-x; its resolver's platform binaries are not all on the registry
// this project installs from, which breaks `npm ci`, so it is left out.)
import js from '@eslint/js';
import n8nCommunityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const jsonParser = { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } };

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'n8n-runtime/**', 'coverage/**', '.tmp/**'] },
	{
		files: ['package.json'],
		languageOptions: jsonParser,
		extends: [n8nCommunityNodes.configs.recommended],
	},
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended, n8nCommunityNodes.configs.recommended],
		rules: {
			'no-console': 'error',
		},
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
	{
		files: ['package.json'],
		languageOptions: jsonParser,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.credentials.rules, 'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off' },
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two predate NodeConnectionTypes and demand the string 'main', which
			// @n8n/community-nodes/node-connection-type-literal in turn forbids.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
);
