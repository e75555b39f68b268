/** YAML of the built-in templates; each guide example is kept as the guides print it (indentation restored). */

export const TEAM_QUALITY_GATE = `# Escalate answers that score below the team's quality bar for human review.
policies:
  - name: team-quality-gate
    type: quality-scorer
    min_score: 0.7
    action: escalate
    enabled: true
`;

export const TEAM_CONTENT_SAFETY = `# Block harmful or biased output before it reaches the user.
policies:
  - name: team-content-safety
    type: content-filter
    categories: [harmful, biased]
    action: block
    enabled: true
`;

export const TEAM_PII_PROTECTION = `# Redact personal data in prompts and responses.
policies:
  - name: team-pii-protection
    type: pii-detector
    action: redact
    entity_types: [name, email, phone, financial]
    enabled: true
`;

export const TEAM_SECURITY = `# Block prompt-injection attempts.
policies:
  - name: team-security
    type: prompt-injection
    action: block
    enabled: true
`;

export const TEAM_SECRET_PROTECTION = `# Block prompts that carry credentials or secrets (API keys, tokens, private keys).
policies:
  - name: team-secret-protection
    type: dlp-filter
    action: block
    enabled: true
`;

export const TEAM_BUDGET = `# Stop a team's spend at its monthly budget (USD).
policies:
  - name: team-budget
    type: cost_limit
    monthly_limit: 2000
    action: block
    enabled: true
`;

export const TEAM_COST_CAP = `# Per-team spending cap from the IT Director guide (USD per month).
policies:
  - name: team-cost-cap
    type: cost_limit
    monthly_limit: 5000
    action: block
    enabled: true
`;

export const TEAM_QUALITY_POLICY = `# The Engineering Manager guide's team policy: quality, safety, PII and injection in one file.
policies:
  - name: team-quality-gate
    type: quality-scorer
    min_score: 0.7
    action: escalate
    enabled: true
  - name: team-content-safety
    type: content-filter
    categories: [harmful, biased]
    action: block
    enabled: true
  - name: team-pii-protection
    type: pii-detector
    action: redact
    entity_types: [name, email, phone, financial]
    enabled: true
  - name: team-security
    type: prompt-injection
    action: block
    enabled: true
`;

export const IT_DIRECTOR_PROVIDERS = `# Several LLM providers behind one gateway, with an immutable audit log of every access.
pack:
  name: it-director-providers-1
  version: 1.0.0
  enabled: true
providers:
  targets:
    - id: openai
      provider:
        secret_key_ref:
          env: OPENAI_API_KEY
    - id: anthropic
      provider:
        secret_key_ref:
          env: ANTHROPIC_API_KEY
    - id: azure-openai
      provider:
        base_url: https://your-instance.openai.azure.com
        secret_key_ref:
          env: AZURE_OPENAI_API_KEY
policies:
  chain:
    - audit-logger
policy:
  audit-logger:
    immutable: true
    retention_days: 365
    log_all_access: true
`;

export const DEMO_TEAM_POLICY = `# The guides' team policy plus a model allowlist and a budget, served by the built-in demo provider.
pack:
  name: demo-team-policy
  version: 1.0.0
  enabled: true
providers:
  targets:
    - id: demo
      provider: demo
  default: demo
policies:
  - name: team-quality-gate
    type: quality-scorer
    min_score: 0.7
    action: escalate
    enabled: true
  - name: team-content-safety
    type: content-filter
    categories: [harmful, biased]
    action: block
    enabled: true
  - name: team-pii-protection
    type: pii-detector
    action: redact
    entity_types: [name, email, phone, financial]
    enabled: true
  - name: team-security
    type: prompt-injection
    action: block
    enabled: true
  - name: team-models
    type: model-allowlist
    models: [gpt-4o, gpt-4o-mini, claude-3-5-sonnet-latest, claude-3-5-haiku-latest]
    action: block
    enabled: true
  - name: team-budget
    type: cost_limit
    monthly_limit: 2000
    action: block
    enabled: true
`;
