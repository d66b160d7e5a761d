import type { SparkFaults } from './faults.js';
import type { SimState } from './control.js';

/** HTTP client of the simulator's control API (what tests and `make demo` scripts use). */
export class SimControlClient {
  constructor(readonly baseUrl: string) {}

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const text = await response.text();
      throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    return response;
  }

  async state(): Promise<SimState> {
    return (await (await this.call('GET', '/state')).json()) as SimState;
  }

  async faults(sparkId: string): Promise<SparkFaults> {
    return (await (
      await this.call('GET', `/sparks/${encodeURIComponent(sparkId)}/faults`)
    ).json()) as SparkFaults;
  }

  async setFaults(sparkId: string, faults: SparkFaults): Promise<void> {
    await this.call('PUT', `/sparks/${encodeURIComponent(sparkId)}/faults`, faults);
  }

  async clearFaults(sparkId: string): Promise<void> {
    await this.call('DELETE', `/sparks/${encodeURIComponent(sparkId)}/faults`);
  }

  async setCloudFaults(faults: SparkFaults): Promise<void> {
    await this.call('PUT', '/cloud/faults', faults);
  }

  async setLauncher(sparkId: string, generation: 'G1' | 'G2'): Promise<void> {
    await this.call('PUT', `/sparks/${encodeURIComponent(sparkId)}/launcher`, { generation });
  }

  async containers(sparkId: string): Promise<Record<string, string>[]> {
    return (await (
      await this.call('GET', `/sparks/${encodeURIComponent(sparkId)}/containers`)
    ).json()) as Record<string, string>[];
  }

  async killContainer(sparkId: string, name: string): Promise<void> {
    await this.call(
      'POST',
      `/sparks/${encodeURIComponent(sparkId)}/containers/${encodeURIComponent(name)}/kill`,
    );
  }

  async killExecs(sparkId: string, name: string): Promise<void> {
    await this.call(
      'POST',
      `/sparks/${encodeURIComponent(sparkId)}/containers/${encodeURIComponent(name)}/kill-exec`,
    );
  }

  async restartContainer(sparkId: string, name: string): Promise<void> {
    await this.call(
      'POST',
      `/sparks/${encodeURIComponent(sparkId)}/containers/${encodeURIComponent(name)}/restart`,
    );
  }

  async killCloud(): Promise<void> {
    await this.call('POST', '/cloud/kill');
  }

  async restartCloud(): Promise<void> {
    await this.call('POST', '/cloud/restart');
  }
}
