import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

interface Manifest {
  contributes: { commands: { command: string }[]; configuration: { properties: Record<string, unknown> } };
}

/** Runs inside the extension host with the real vscode API. */
describe('Small Wins in the extension host', () => {
  const extension = vscode.extensions.getExtension('small-wins.small-wins');

  it('is installed and activates', async () => {
    assert.ok(extension, 'the extension is present');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const manifest = extension?.packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('reads its settings with their declared defaults', () => {
    const config = vscode.workspace.getConfiguration('smallWins');
    assert.equal(config.get('confidenceThreshold'), 7);
    assert.equal(config.get('defaultPlannedMinutes'), 25);
  });

  it('opens the dashboard view', async () => {
    await vscode.commands.executeCommand('smallWins.openDashboard');
  });
});
