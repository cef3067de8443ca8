/** Regions and SYSTEM (public) images offered in every region, as RUNTIME.md lists them. */
export const REGIONS = [
  { id: "cn-hangzhou", name: "China (Hangzhou)" },
  { id: "cn-shanghai", name: "China (Shanghai)" },
  { id: "cn-beijing", name: "China (Beijing)" },
  { id: "ap-southeast-1", name: "Singapore" },
  { id: "us-west-1", name: "US (Silicon Valley)" },
  { id: "eu-central-1", name: "Germany (Frankfurt)" },
] as const;

export interface SystemImageSeed {
  id: string;
  name: string;
  description: string;
  osType: "LINUX" | "WINDOWS";
  platform: string;
  architecture: "X86_64" | "ARM64";
  sizeGiB: number;
}

export const SYSTEM_IMAGES: SystemImageSeed[] = [
  {
    id: "ubuntu_22_04_x64_20G_alibase",
    name: "ubuntu_22_04_x64_20G_alibase",
    description: "Ubuntu 22.04 64-bit",
    osType: "LINUX",
    platform: "Ubuntu",
    architecture: "X86_64",
    sizeGiB: 20,
  },
  {
    id: "ubuntu_24_04_x64_20G_alibase",
    name: "ubuntu_24_04_x64_20G_alibase",
    description: "Ubuntu 24.04 64-bit",
    osType: "LINUX",
    platform: "Ubuntu",
    architecture: "X86_64",
    sizeGiB: 20,
  },
  {
    id: "ubuntu_22_04_arm64_20G_alibase",
    name: "ubuntu_22_04_arm64_20G_alibase",
    description: "Ubuntu 22.04 64-bit for ARM",
    osType: "LINUX",
    platform: "Ubuntu",
    architecture: "ARM64",
    sizeGiB: 20,
  },
  {
    id: "debian_12_x64_20G_alibase",
    name: "debian_12_x64_20G_alibase",
    description: "Debian 12 64-bit",
    osType: "LINUX",
    platform: "Debian",
    architecture: "X86_64",
    sizeGiB: 20,
  },
  {
    id: "centos_stream_9_x64_20G_alibase",
    name: "centos_stream_9_x64_20G_alibase",
    description: "CentOS Stream 9 64-bit",
    osType: "LINUX",
    platform: "CentOS Stream",
    architecture: "X86_64",
    sizeGiB: 20,
  },
  {
    id: "aliyun_3_x64_20G_alibase",
    name: "aliyun_3_x64_20G_alibase",
    description: "Alibaba Cloud Linux 3 64-bit",
    osType: "LINUX",
    platform: "Aliyun",
    architecture: "X86_64",
    sizeGiB: 20,
  },
  {
    id: "win2022_datacenter_x64_40G_alibase",
    name: "win2022_datacenter_x64_40G_alibase",
    description: "Windows Server 2022 Datacenter 64-bit",
    osType: "WINDOWS",
    platform: "Windows Server 2022",
    architecture: "X86_64",
    sizeGiB: 40,
  },
  {
    id: "win2019_datacenter_x64_40G_alibase",
    name: "win2019_datacenter_x64_40G_alibase",
    description: "Windows Server 2019 Datacenter 64-bit",
    osType: "WINDOWS",
    platform: "Windows Server 2019",
    architecture: "X86_64",
    sizeGiB: 40,
  },
];

export const DEMO_ACCOUNT = { id: "acc-demo0000000000000000", name: "demo" } as const;
