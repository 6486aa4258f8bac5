// n8n-core's SSH tunnel manager, created with every ExecuteContext, keeps a cleanup timer that
// would hold jest open: stop it after each file. n8n-core does not export the manager, so this is a
// deep import of its dist file; @n8n/di is a devDependency pinned to the version n8n-core uses.
import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

afterAll(() => {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});
